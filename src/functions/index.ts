// The Function App's entry point (its package.json "main"): the daily reminder run, and the short timer that
// copies the SROs' progress updates onto their actions as they arrive.
import { app } from "@azure/functions";
import { APPLY_UPDATES_SCHEDULE, applyUpdatesTimer } from "./apply-updates.ts";
import { DAILY_SCHEDULE } from "./schedule.ts";
import { dailyRemindersTimer } from "./timer.ts";

app.timer("dailyReminders", { schedule: DAILY_SCHEDULE, runOnStartup: false, handler: dailyRemindersTimer });
app.timer("applyUpdates", {
  schedule: APPLY_UPDATES_SCHEDULE,
  runOnStartup: false,
  handler: applyUpdatesTimer,
});
