export { addDays, addMonths, ageOn, datesOnWeekdays, daysBetween, DISTRICT_TIME_ZONE, isoWeekday, localDate, nextMonday } from './local-date';
export { clockTime, HH_MM, isClockTime, localInstant, localInstantAtMinute, minutesOfDay } from './clock-time';
