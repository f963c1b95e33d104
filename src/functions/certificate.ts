// The app's certificate is not left to expire silently: each run reads its end date, and from 30 days before
// it writes a notice to Application Insights that an alert rule (infra/alerts/certificate-expiry.kql) e-mails
// to IT. A certificate Key Vault renews is a new certificate: Entra ID must be given it too, or sign-in fails.
import { certificateEndDate } from "../lib/certificate.ts";

export { certificateEndDate };

/** The notice's opening words; the certificate alert looks for them. */
export const CERTIFICATE_EXPIRY_NOTICE = "Certificate expires soon";

/** How many days before the end date the notice starts. */
export const CERTIFICATE_WARNING_DAYS = 30;

const DAY_MS = 86_400_000;

/** The notice to write when the certificate ends within CERTIFICATE_WARNING_DAYS of `now`, else null. */
export function certificateExpiryNotice(pem: string, now: Date): string | null {
  const end = certificateEndDate(pem);
  if (end === null) return null;
  const days = Math.floor((end.getTime() - now.getTime()) / DAY_MS);
  if (days > CERTIFICATE_WARNING_DAYS) return null;
  const when = end.toISOString().slice(0, 10);
  const state = days < 0 ? `ended on ${when}` : `ends on ${when}, in ${String(days)} day(s)`;
  return `${CERTIFICATE_EXPIRY_NOTICE}: the app's certificate (ACTIONPLAN_CERT_PEM) ${state}. Renew it in Key Vault, upload the new .cer to the Entra app (Certificates & secrets), then restart the Function App.`;
}
