/**
 * Every print of a record goes on its audit trail, however it was started: the page's own
 * Print button or the browser's (Ctrl+P), which both fire `beforeprint`.
 */
import { useEffect } from "react";
import { recordMeetingPrinted, recordPrinted } from "../api/api";

function useOnPrint(id: string | null | undefined, record: (id: string) => Promise<void>): void {
  useEffect(() => {
    if (!id) return;
    const onPrint = () => void record(id);
    window.addEventListener("beforeprint", onPrint);
    return () => window.removeEventListener("beforeprint", onPrint);
  }, [id, record]);
}

/** A document's page printed. */
export function useRecordPrints(documentId: string | null | undefined): void {
  useOnPrint(documentId, recordPrinted);
}

/** A meeting's page printed: the server records each child's minutes the reader was shown. */
export function useRecordMeetingPrints(meetingId: string): void {
  useOnPrint(meetingId, recordMeetingPrinted);
}
