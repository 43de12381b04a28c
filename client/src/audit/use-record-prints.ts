/**
 * Every print of a record goes on its audit trail, however it was started: the page's own
 * Print button or the browser's (Ctrl+P), which both fire `beforeprint`.
 */
import { useEffect } from "react";
import { recordPrinted } from "../api/api";

export function useRecordPrints(documentId: string | null | undefined): void {
  useEffect(() => {
    if (!documentId) return;
    const onPrint = () => void recordPrinted(documentId);
    window.addEventListener("beforeprint", onPrint);
    return () => window.removeEventListener("beforeprint", onPrint);
  }, [documentId]);
}
