// The channel tab's configuration page (its configurationUrl, `?view=configure`): choose the plan and the
// view the tab opens on; Teams' own Save button saves them through teams-js `pages.config`.
import { Body1, Field, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { planChoiceLabel } from "../../components/ImportUnfinishedNotice.tsx";
import { Notice } from "../../components/Notice.tsx";
import { Page } from "../../components/Page.tsx";
import { PageSkeleton } from "../../components/PageSkeleton.tsx";
import { describeError } from "../../lib/describe-error.ts";
import { useTeamsContext } from "../../lib/use-teams-context.tsx";
import { canConfigure, onSave, setValid } from "./channel-config.ts";
import {
  CHANNEL_VIEWS,
  channelTabSettings,
  type ChannelTabSettings,
  type ChannelView,
} from "./tab-settings.ts";
import { usePlans } from "./use-plans.ts";

const useStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    maxWidth: "560px",
    minWidth: 0,
  },
  // A native select is as wide as its longest option: a plan's long title would push a 360 px phone's page
  // sideways. It takes the form's width instead and cuts the chosen title short with an ellipsis.
  select: { minWidth: 0, maxWidth: "100%" },
  selectInput: { minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});

/** The configuration page of the plan channel tab. */
export default function ConfigurePage() {
  const styles = useStyles();
  const context = useTeamsContext();
  const plans = usePlans();
  const [planId, setPlanId] = useState<string | null>(null);
  const [view, setView] = useState<ChannelView>("dashboard");
  const configurable = canConfigure(context.inTeams);

  const chosen = plans.data?.find((p) => p.id === planId) ?? plans.data?.[0] ?? null;
  const settings: ChannelTabSettings | null =
    chosen === null ? null : channelTabSettings(chosen, view, document.baseURI);
  const current = useRef(settings);
  useEffect(() => {
    current.current = settings;
  });

  useEffect(() => {
    if (configurable) onSave(() => current.current);
  }, [configurable]);
  const valid = settings !== null;
  useEffect(() => {
    if (configurable) setValid(valid);
  }, [configurable, valid]);

  if (plans.data === null) {
    return plans.status === "failed" ? (
      <Notice title="The site's plans could not be loaded" intent="error">
        {describeError(plans.error)}
      </Notice>
    ) : (
      <PageSkeleton title="Set up the plan tab" rows={3} />
    );
  }
  return (
    <Page title="Set up the plan tab">
      {!configurable && (
        <Notice inline title="Open this page from Teams" intent="info">
          This page sets up a channel tab; add Action Plan Tracker to a channel in Teams to use it.
        </Notice>
      )}
      {plans.data.length === 0 ? (
        <Body1>This site has no plans yet. A coordinator imports one first, then sets up this tab.</Body1>
      ) : (
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <Field label="Plan" hint="The plan this tab shows to everyone in the channel.">
            <Select
              className={styles.select}
              select={{ className: styles.selectInput }}
              value={chosen?.id ?? ""}
              onChange={(_, data) => {
                setPlanId(data.value);
              }}
            >
              {plans.data.map((plan) => (
                <option key={plan.id} value={plan.id}>
                  {planChoiceLabel(plan)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Open the tab on">
            <RadioGroup
              value={view}
              onChange={(_, data) => {
                setView(data.value === "plan" ? "plan" : "dashboard");
              }}
            >
              {CHANNEL_VIEWS.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </RadioGroup>
          </Field>
          {settings !== null && (
            <Body1>
              The tab will be named “{settings.suggestedDisplayName}”. Select Save to add it to the channel.
            </Body1>
          )}
        </form>
      )}
    </Page>
  );
}
