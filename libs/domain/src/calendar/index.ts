export { addDays, addMonths, ageOn, daysBetween, DISTRICT_TIME_ZONE, localDate } from './local-date';
