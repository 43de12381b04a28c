/**
 * Each page names itself: the browser tab title changes, and after moving between pages focus
 * goes to the page's main heading so screen reader and keyboard users start at the top.
 */
import { useEffect, useRef } from "react";
import { hasNavigatedInApp } from "./history";

export function usePageHeading(title: string) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Roundtable`;
  }, [title]);
  useEffect(() => {
    if (hasNavigatedInApp()) headingRef.current?.focus({ preventScroll: true });
  }, []);
  return headingRef;
}
