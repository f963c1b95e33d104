import { test } from "vitest";
import assert from "node:assert/strict";
import { isoDate } from "../iso-date.ts";
import { occurrenceId, reminderKey, sentOccurrences } from "./keys.ts";
import { DEFAULT_REMINDER_SETTINGS, parseReminderSettings } from "./settings.ts";

test("stored settings: missing means the defaults, partial fills in, bad values are refused", () => {
  assert.deepEqual(parseReminderSettings(undefined), DEFAULT_REMINDER_SETTINGS);
  assert.deepEqual(parseReminderSettings(null), DEFAULT_REMINDER_SETTINGS);
  assert.deepEqual(parseReminderSettings({}), DEFAULT_REMINDER_SETTINGS);
  assert.deepEqual(DEFAULT_REMINDER_SETTINGS.targetNearWorkingDays, [14, 3]);
  assert.deepEqual(DEFAULT_REMINDER_SETTINGS.updateDueWorkingDays, [7, 0]);
  const partial = parseReminderSettings({
    updateLateRepeatWorkingDays: 5,
    targetNearWorkingDays: [3, 10, 3],
  });
  assert.equal(partial.updateLateRepeatWorkingDays, 5);
  assert.deepEqual(partial.targetNearWorkingDays, [10, 3], "deduplicated, furthest first");
  assert.equal(partial.escalateUpdateLateAfterWorkingDays, 5, "others keep their defaults");
  const refused: [unknown, RegExp][] = [
    [{ targetNearWorkingDays: [-1] }, /targetNearWorkingDays\.0/],
    [{ targetPassedAfterWorkingDays: 0 }, /targetPassedAfterWorkingDays/],
    [{ updateLateRepeatWorkingDays: 2.5 }, /updateLateRepeatWorkingDays/],
    [{ escalationRepeatDays: 9999 }, /escalationRepeatDays/],
    [{ escalateAfter: 5 }, /escalateAfter/],
    ["weekly", /settings/],
  ];
  for (const [stored, problem] of refused) assert.throws(() => parseReminderSettings(stored), problem);
});

test("keys name kind, action, period, day and recipient, and cannot collide through a '|'", () => {
  const parts = {
    kind: "update-late" as const,
    actionId: "2.3",
    periodId: "Q1-2024-25",
    dueOn: isoDate("2024-06-06"),
    recipientUpn: "Jo.Bloggs@Council.gov.uk",
  };
  assert.equal(reminderKey(parts), "update-late|2.3|Q1-2024-25|2024-06-06|jo.bloggs@council.gov.uk");
  assert.equal(
    reminderKey({ ...parts, periodId: null }),
    "update-late|2.3|-|2024-06-06|jo.bloggs@council.gov.uk",
  );
  assert.notEqual(
    reminderKey({ ...parts, actionId: "a|b", periodId: "c" }),
    reminderKey({ ...parts, actionId: "a", periodId: "b|c" }),
  );
  assert.deepEqual([...sentOccurrences([reminderKey(parts), "garbage"])], [occurrenceId(parts)]);
});
