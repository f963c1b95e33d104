// Durable state for the sandbox: a snapshot plus an append-only journal in the data folder. Every change is
// appended (synchronously) before the response is sent, so a killed sandbox loses nothing it acknowledged;
// on start the journal is replayed over the snapshot and both are compacted into a new snapshot.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SpItem, SpList, SpSite } from "./sharepoint/model.ts";
import { defaultWebAssignments } from "./sharepoint/roles.ts";

type SiteMeta = Omit<SpSite, "lists">;
type ListMeta = Omit<SpList, "items">;
type ListJson = ListMeta & { items: SpItem[] };
type SiteJson = SiteMeta & { lists: ListJson[] };

/** Extra state of other emulators (Graph chats, reminders…) kept as named JSON documents. */
type Documents = Record<string, unknown>;

type JournalEntry =
  | { op: "site"; site: SiteMeta }
  | { op: "list"; site: string; list: ListMeta }
  | { op: "listDelete"; site: string; listId: string }
  | { op: "item"; site: string; listId: string; item: SpItem }
  | { op: "itemDelete"; site: string; listId: string; id: number }
  | { op: "doc"; name: string; value: unknown };

interface Snapshot {
  version: 1;
  sites: SiteJson[];
  documents: Documents;
}

/**
 * Data written before permissions were emulated has no role assignments or item-level settings: a site gets a
 * team site's defaults and a list inherits them, reading and writing all items (SharePoint's defaults).
 */
function siteWithDefaults<T extends Omit<SiteMeta, "roleAssignments">>(
  site: T,
): T & Pick<SiteMeta, "roleAssignments"> {
  const { roleAssignments } = site as Partial<SiteMeta>;
  return { ...site, roleAssignments: roleAssignments ?? defaultWebAssignments(site) };
}

type Security = Pick<SpList, "roleAssignments" | "ReadSecurity" | "WriteSecurity">;

function listWithDefaults<T extends Omit<ListMeta, keyof Security>>(list: T): T & Security {
  const { roleAssignments, ReadSecurity, WriteSecurity } = list as Partial<Security>;
  return {
    ...list,
    roleAssignments: roleAssignments ?? null,
    ReadSecurity: ReadSecurity ?? 1,
    WriteSecurity: WriteSecurity ?? 1,
  };
}

function siteMeta(site: SpSite): SiteMeta {
  const { lists: _lists, ...meta } = site;
  return meta;
}

function listMeta(list: SpList): ListMeta {
  const { items: _items, ...meta } = list;
  return meta;
}

export class SandboxStore {
  readonly sites = new Map<string, SpSite>();
  readonly documents: Documents = {};
  private readonly journalPath: string;
  private readonly snapshotPath: string;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.journalPath = join(dataDir, "journal.jsonl");
    this.snapshotPath = join(dataDir, "snapshot.json");
  }

  /** Load the snapshot, replay the journal, then compact both into a fresh snapshot. */
  load(): void {
    if (existsSync(this.snapshotPath)) {
      const snapshot = JSON.parse(readFileSync(this.snapshotPath, "utf8")) as Snapshot;
      for (const site of snapshot.sites) {
        this.sites.set(site.name, {
          ...siteWithDefaults(site),
          lists: site.lists.map((list) => ({
            ...listWithDefaults(list),
            items: new Map(list.items.map((item) => [item.Id, item])),
          })),
        });
      }
      Object.assign(this.documents, snapshot.documents);
    }
    if (existsSync(this.journalPath)) {
      const lines = readFileSync(this.journalPath, "utf8").split("\n");
      for (const line of lines) {
        if (line.trim() === "") continue;
        let entry: JournalEntry;
        try {
          entry = JSON.parse(line) as JournalEntry;
        } catch {
          // A line cut short by a crash mid-write: it was never acknowledged, so it is safe to drop.
          continue;
        }
        this.apply(entry);
      }
    }
    this.compact();
  }

  /** Write the whole state as one snapshot and empty the journal. */
  compact(): void {
    const snapshot: Snapshot = {
      version: 1,
      sites: [...this.sites.values()].map((site) => ({
        ...siteMeta(site),
        lists: site.lists.map((list) => ({ ...listMeta(list), items: [...list.items.values()] })),
      })),
      documents: this.documents,
    };
    const tmp = `${this.snapshotPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, this.snapshotPath);
    writeFileSync(this.journalPath, "");
  }

  saveSite(site: SpSite): void {
    if (!this.sites.has(site.name)) this.sites.set(site.name, site);
    this.append({ op: "site", site: siteMeta(site) });
  }

  saveList(site: SpSite, list: SpList): void {
    this.append({ op: "list", site: site.name, list: listMeta(list) });
  }

  deleteList(site: SpSite, listId: string): void {
    this.append({ op: "listDelete", site: site.name, listId });
  }

  saveItem(site: SpSite, list: SpList, item: SpItem): void {
    this.append({ op: "item", site: site.name, listId: list.Id, item });
  }

  deleteItem(site: SpSite, list: SpList, id: number): void {
    this.append({ op: "itemDelete", site: site.name, listId: list.Id, id });
  }

  saveDocument(name: string, value: unknown): void {
    this.documents[name] = value;
    this.append({ op: "doc", name, value });
  }

  private append(entry: JournalEntry): void {
    appendFileSync(this.journalPath, `${JSON.stringify(entry)}\n`);
  }

  /** Replay one journal entry onto the in-memory state. */
  private apply(entry: JournalEntry): void {
    if (entry.op === "doc") {
      this.documents[entry.name] = entry.value;
      return;
    }
    if (entry.op === "site") {
      const existing = this.sites.get(entry.site.name);
      this.sites.set(entry.site.name, { ...siteWithDefaults(entry.site), lists: existing?.lists ?? [] });
      return;
    }
    const site = this.sites.get(entry.site);
    if (site === undefined) return;
    if (entry.op === "list") {
      const existing = site.lists.find((l) => l.Id === entry.list.Id);
      if (existing === undefined) site.lists.push({ ...listWithDefaults(entry.list), items: new Map() });
      else Object.assign(existing, listWithDefaults(entry.list));
      return;
    }
    if (entry.op === "listDelete") {
      site.lists = site.lists.filter((l) => l.Id !== entry.listId);
      return;
    }
    const list = site.lists.find((l) => l.Id === entry.listId);
    if (list === undefined) return;
    if (entry.op === "item") {
      list.items.set(entry.item.Id, entry.item);
      // Item ids are never reused, even after a delete, so the counter follows the highest id ever journalled.
      list.nextItemId = Math.max(list.nextItemId, entry.item.Id + 1);
      if (entry.item.Modified > list.LastItemModifiedDate) list.LastItemModifiedDate = entry.item.Modified;
    } else list.items.delete(entry.id);
  }
}
