// The tab's entry: start the tab's start-up (configuration, Teams, sign-in, today: side by side, see
// lib/start-up.ts) before anything renders, then mount the app shell, which waits for it.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import { startUp } from "./lib/start-up.ts";

// A failure is shown by the view that waits for it (Boot, or the Teams context's own message).
startUp().catch(() => undefined);

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element.");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
