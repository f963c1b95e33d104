// The tab's one data-access root: a PnPjs root for the site with the chosen token source, made once, and the
// app's "today". Features reach SharePoint only through hooks built on `useRemote` and the functions of
// src/sharepoint; nothing below builds OData.
import { createContext, use, useMemo, type ReactNode } from "react";
import type { IsoDate } from "../../domain/iso-date.ts";
import { createSharePoint, dataContext, type DataContext } from "../../sharepoint/core/index.ts";
import type { TabConfig } from "./config.ts";
import type { TokenSources } from "./token-source.ts";

interface AppData {
  ctx: DataContext;
  today: IsoDate;
  config: TabConfig;
  tokens: TokenSources;
}

const Data = createContext<AppData | null>(null);

/** Provides the data context for the configured site, its token sources and one "today". */
export function DataProvider(props: {
  config: TabConfig;
  tokens: TokenSources;
  today: IsoDate;
  children: ReactNode;
}) {
  const { config, tokens, today } = props;
  const value = useMemo(
    () => ({
      ctx: dataContext(createSharePoint({ siteUrl: config.siteUrl, getToken: tokens.sharePoint })),
      today,
      config,
      tokens,
    }),
    [config, tokens, today],
  );
  return <Data value={value}>{props.children}</Data>;
}

function useAppData(): AppData {
  const data = use(Data);
  if (data === null) throw new Error("Data hooks are used outside DataProvider.");
  return data;
}

/** The data-access context (for the hooks in features). */
export function useDataContext(): DataContext {
  return useAppData().ctx;
}

/** The app's today (the sandbox's date against the sandbox). */
export function useToday(): IsoDate {
  return useAppData().today;
}

/** The configured site's address. */
export function useSiteUrl(): string {
  return useAppData().config.siteUrl;
}

/** What "Chase now" needs beyond data access: the configuration and a Graph token for the signed-in person. */
export function useGraphAccess(): { config: TabConfig; getGraphToken: TokenSources["graph"] } {
  const data = useAppData();
  return { config: data.config, getGraphToken: data.tokens.graph };
}
