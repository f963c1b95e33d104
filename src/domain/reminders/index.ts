// The reminder rules: which reminders and escalations a run sends, to whom, and on which working days.
export * from "./types.ts";
export * from "./settings.ts";
export { reminderKey, occurrenceId, sentOccurrences } from "./keys.ts";
export type { ReminderKeyParts } from "./keys.ts";
export { selectDueReminders } from "./select.ts";
export {
  addWorkingDays,
  bankHolidays,
  DEFAULT_NATION,
  englandBankHolidays,
  isBankHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from "./working-days.ts";
