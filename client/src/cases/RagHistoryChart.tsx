/**
 * A small chart of a child's RAG rating over the last year: one band per level, named in text
 * down the side (most serious at the top), and a step line through the rating that held, with a
 * ring where it changed. Drawn by hand in SVG at the width it is given, so its words stay a
 * readable size on a phone. One image to a screen reader, summed up in its label; the timeline
 * beside it is the text alternative.
 */
import type { RagChange, RagLevel, RecordedRagRating } from "@roundtable/domain";
import { useLayoutEffect, useRef, useState } from "react";
import { ragChartSummary, ragLevelLabel, ragPeriods } from "./rag-history-words";

const yearMs = 365 * 24 * 60 * 60 * 1000;
const rowHeight = 30;
const top = 6;
const labelWidth = 64;
const right = 10;
const axisHeight = 26;
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Pale bands behind the line: a help to the eye, never the only sign (each band is named). */
const bandClass: Record<string, string> = { red: "rt-rag-chart__band--red", amber: "rt-rag-chart__band--amber", green: "rt-rag-chart__band--green", blue: "rt-rag-chart__band--blue" };

/** The width the chart has on the page, followed as the window changes. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || fallback);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return { ref, width };
}

/** The first of each month after `from`, up to `to`, in UK months (close enough for a year's axis). */
function monthStarts(from: number, to: number): Date[] {
  const starts: Date[] = [];
  const d = new Date(from);
  let month = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  while (month.getTime() <= to) {
    starts.push(month);
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  return starts;
}

export function RagHistoryChart({ history, levels, childFirstName, now }: { history: readonly RagChange[]; levels: readonly RagLevel[]; childFirstName: string; now: number }) {
  const { ref, width } = useWidth(560);
  const span = { from: now - yearMs, to: now };
  const periods = ragPeriods(history, span);
  // A rating the service no longer offers still has a row, below its levels.
  const rows: RecordedRagRating[] = levels.map((l) => l.rating);
  for (const p of periods) if (!rows.includes(p.rating)) rows.push(p.rating);
  const height = top + rows.length * rowHeight + axisHeight;
  const x0 = labelWidth;
  const x1 = Math.max(width - right, x0 + 100);
  const x = (t: number) => x0 + ((t - span.from) / (span.to - span.from)) * (x1 - x0);
  const y = (rating: RecordedRagRating) => top + rows.indexOf(rating) * rowHeight + rowHeight / 2;
  const months = monthStarts(span.from, span.to);
  // Every month is marked; as many are named as fit.
  const nameEvery = Math.max(1, Math.ceil(34 / ((x1 - x0) / 12)));

  let path = "";
  periods.forEach((p, i) => {
    path += i === 0 ? `M${x(p.start)},${y(p.rating)}` : `V${y(p.rating)}`;
    path += `H${x(p.end)}`;
  });

  return (
    <div ref={ref} className="rt-rag-chart">
      <svg
        role="img"
        aria-label={ragChartSummary(periods, levels, childFirstName)}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="rt-rag-chart__svg"
        data-testid="rag-chart"
      >
        {rows.map((rating) => (
          <g key={rating}>
            <rect x={x0} y={y(rating) - rowHeight / 2} width={x1 - x0} height={rowHeight - 2} className={`rt-rag-chart__band ${bandClass[rating] ?? ""}`} />
            <text x={x0 - 8} y={y(rating)} className="rt-rag-chart__level" textAnchor="end" dominantBaseline="central">
              {ragLevelLabel(levels, rating)}
            </text>
          </g>
        ))}
        {months.map((month, i) => (
          <g key={month.getTime()}>
            <line x1={x(month.getTime())} x2={x(month.getTime())} y1={top} y2={top + rows.length * rowHeight} className="rt-rag-chart__month-line" />
            {(months.length - 1 - i) % nameEvery === 0 && (
              <text x={x(month.getTime())} y={height - 8} className="rt-rag-chart__month" textAnchor="middle">
                {month.getUTCMonth() === 0 ? String(month.getUTCFullYear()) : monthNames[month.getUTCMonth()]}
              </text>
            )}
          </g>
        ))}
        {path && <path d={path} className="rt-rag-chart__line" />}
        {periods
          .filter((p) => p.changedAtStart)
          .map((p) => (
            <circle key={p.start} cx={x(p.start)} cy={y(p.rating)} r={5} className="rt-rag-chart__change" />
          ))}
      </svg>
    </div>
  );
}
