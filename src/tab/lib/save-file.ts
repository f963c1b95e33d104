// Hand bytes to the browser as a file download (the committee report, the plan table's Excel export).

/** Save `bytes` as `fileName` through the browser's own download. */
export function saveFile(bytes: Uint8Array, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to have started saving it.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
}
