// The end date (notAfter) of the app's certificate, read from the PEM it signs in with: the daily job warns
// of it in Application Insights, `actionplan doctor` in its findings.
import { X509Certificate } from "node:crypto";

/** The end date of the first certificate in a PEM, or null when it holds none that can be read. */
export function certificateEndDate(pem: string): Date | null {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (block === undefined) return null;
  try {
    const certificate = new X509Certificate(block);
    return new Date(certificate.validTo);
  } catch {
    return null;
  }
}
