import { ANONYMOUS } from "@/lib/auth/permissions";
import { exportStopCsv } from "@/lib/server/imports/export-stop-csv";

export const dynamic = "force-dynamic";

/**
 * GET /api/export/stop: the published incidents as a CSV in the 2022
 * #KeepItOn STOP column layout, for the coalition's own spreadsheet. Public
 * data only (lib/server/imports/export-stop-csv.ts).
 */
export async function GET() {
  const csv = await exportStopCsv({ caller: ANONYMOUS });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="kazakhstan-shutdowns-stop-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
