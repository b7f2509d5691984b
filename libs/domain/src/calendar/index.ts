export { addDays, addMonths, ageOn, datesOnWeekdays, daysBetween, DISTRICT_TIME_ZONE, isoWeekday, localDate } from './local-date';
export { clockTime, HH_MM, isClockTime, localInstant, minutesOfDay } from './clock-time';
