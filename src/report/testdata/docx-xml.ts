// Reads a .docx back for tests: unzips it with fflate and takes its WordprocessingML apart with a few regular
// expressions (the report writes no nested tables or text boxes, so paragraphs and tables never nest).
import { strFromU8, unzipSync } from "fflate";

export interface DocxParagraph {
  /** The paragraph style's id ("Heading1", "Title", "TableText"), or null for Normal. */
  style: string | null;
  /** Its text, XML-unescaped, with Word's line breaks as "\n" and tabs as "\t". */
  text: string;
  xml: string;
}

export interface DocxTable {
  rows: { header: boolean; cells: string[] }[];
  xml: string;
}

export interface DocxParts {
  files: Record<string, string>;
  document: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  /** Every piece of text in the body, cells included, one paragraph a line. */
  allText: string;
}

/** The XML text of every part of a .docx, and its body as paragraphs and tables. */
export function readDocx(bytes: Uint8Array): DocxParts {
  const zipped = unzipSync(bytes);
  const files: Record<string, string> = {};
  for (const [name, data] of Object.entries(zipped)) {
    if (name.endsWith(".xml") || name.endsWith(".rels")) files[name] = strFromU8(data);
  }
  const document = files["word/document.xml"] ?? "";
  const body = document.slice(document.indexOf("<w:body>"), document.indexOf("</w:body>"));
  const tables = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => tableOf(m[0]));
  const outside = body.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  return {
    files,
    document,
    paragraphs: paragraphsOf(outside),
    tables,
    allText: paragraphsOf(body)
      .map((p) => p.text)
      .join("\n"),
  };
}

function paragraphsOf(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p\/>|<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? null,
    text: textOf(m[0]),
    xml: m[0],
  }));
}

function tableOf(xml: string): DocxTable {
  const rows = [...xml.matchAll(/<w:tr\b[^>]*>[\s\S]*?<\/w:tr>/g)].map((row) => ({
    header: /<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/.test(row[0]),
    cells: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
      paragraphsOf(cell[0])
        .map((p) => p.text)
        .join("\n"),
    ),
  }));
  return { rows, xml };
}

/** The text of some runs: w:t contents unescaped, w:br as a line break, w:tab as a tab. */
export function textOf(xml: string): string {
  let text = "";
  for (const m of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) {
    if (m[0] === "<w:br/>") text += "\n";
    else if (m[0] === "<w:tab/>") text += "\t";
    else text += unescapeXml(m[1] ?? "");
  }
  return text;
}

/** XML's five entities and numeric character references, back to characters. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}
