import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { httpToSandboxOf, HTTPS_ONLY, isSafeLink, LOCAL_HTTP, safeHref } from "./safe-link.ts";

const SANDBOX = httpToSandboxOf("http://localhost:4300/sites/improvement");
const TENANT = httpToSandboxOf("https://northbridge.sharepoint.com/sites/improvement");

describe("safeHref: which addresses from data may become links", () => {
  const cases: { text: string; allow?: typeof HTTPS_ONLY; href: string | null; why: string }[] = [
    {
      text: "https://northbridge.sharepoint.com/sites/improvement/report.docx",
      href: "https://northbridge.sharepoint.com/sites/improvement/report.docx",
      why: "https is a link",
    },
    { text: "HTTPS://Example.org/a b", href: "https://example.org/a%20b", why: "re-serialised as parsed" },
    {
      text: "  https://example.org/x",
      href: "https://example.org/x",
      why: "leading spaces are stripped, as browsers do",
    },
    { text: "javascript:alert(document.cookie)", href: null, why: "script" },
    { text: "JAVASCRIPT:alert(1)", href: null, why: "schemes are case-insensitive" },
    { text: "JaVaScRiPt:alert(1)", href: null, why: "mixed case" },
    { text: " javascript:alert(1)", href: null, why: "whitespace-prefixed" },
    { text: "\tjavascript:alert(1)", href: null, why: "tab-prefixed" },
    { text: "\u0001javascript:alert(1)", href: null, why: "control-character-prefixed" },
    {
      text: "java\nscript:alert(1)",
      href: null,
      why: "a newline inside the scheme is removed by the parser",
    },
    { text: "data:text/html,<script>alert(1)</script>", href: null, why: "data:" },
    { text: "vbscript:msgbox(1)", href: null, why: "vbscript:" },
    { text: "file:///etc/passwd", href: null, why: "file:" },
    { text: "ftp://example.org/", href: null, why: "not the web" },
    { text: "//evil.example/x", href: null, why: "protocol-relative is not an absolute address" },
    { text: "/sites/improvement", href: null, why: "relative" },
    { text: "not a link", href: null, why: "does not parse" },
    { text: "", href: null, why: "empty" },
    { text: "https://intranet.example@evil.example/", href: null, why: "a user name to mislead" },
    { text: "http://example.org/report", href: null, why: "plain http to the internet" },
    {
      text: "http://example.org/report",
      allow: SANDBOX,
      href: null,
      why: "http to a non-sandbox host, even locally",
    },
    {
      text: "http://localhost:4300/sandbox/people",
      allow: SANDBOX,
      href: "http://localhost:4300/sandbox/people",
      why: "http to the sandbox itself",
    },
    { text: "http://localhost:9999/x", allow: SANDBOX, href: null, why: "another port is another origin" },
    { text: "http://localhost:4300/x", allow: TENANT, href: null, why: "a tenant allows no http" },
    {
      text: "http://127.0.0.1:4300/x",
      allow: LOCAL_HTTP,
      href: "http://127.0.0.1:4300/x",
      why: "the write path allows any local sandbox",
    },
    { text: "http://localhost.evil.example/x", allow: LOCAL_HTTP, href: null, why: "not this machine" },
  ];
  for (const c of cases)
    test(`${JSON.stringify(c.text)}: ${c.why}`, () => {
      assert.equal(safeHref(c.text, c.allow), c.href);
      assert.equal(isSafeLink(c.text, c.allow), c.href !== null);
    });

  test("null and undefined are no link", () => {
    assert.equal(safeHref(null), null);
    assert.equal(safeHref(undefined), null);
  });

  test("a site address that does not parse allows no http", () => {
    assert.equal(safeHref("http://localhost:4300/x", httpToSandboxOf("nonsense")), null);
  });
});
