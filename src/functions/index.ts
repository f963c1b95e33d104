// The Function App's entry point (its package.json "main"): one timer function, the daily reminder run.
import { app } from "@azure/functions";
import { DAILY_SCHEDULE } from "./schedule.ts";
import { dailyRemindersTimer } from "./timer.ts";

app.timer("dailyReminders", { schedule: DAILY_SCHEDULE, runOnStartup: false, handler: dailyRemindersTimer });
