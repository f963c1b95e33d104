// The tab's one data-access root: a PnPjs root for the site with the chosen token source, made once, and the
// app's "today". Features reach SharePoint only through hooks built on `useRemote` and the functions of
// src/sharepoint; nothing below builds OData.
import { createContext, use, useMemo, type ReactNode } from "react";
import type { IsoDate } from "../../domain/iso-date.ts";
import { createSharePoint } from "../../sharepoint/client.ts";
import { dataContext, type DataContext } from "../../sharepoint/context.ts";
import type { TokenSource } from "./token-source.ts";

interface AppData {
  ctx: DataContext;
  today: IsoDate;
}

const Data = createContext<AppData | null>(null);

/** Provides the data context for one site and one "today". */
export function DataProvider(props: {
  siteUrl: string;
  getToken: TokenSource;
  today: IsoDate;
  children: ReactNode;
}) {
  const { siteUrl, getToken, today } = props;
  const value = useMemo(
    () => ({ ctx: dataContext(createSharePoint({ siteUrl, getToken })), today }),
    [siteUrl, getToken, today],
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
