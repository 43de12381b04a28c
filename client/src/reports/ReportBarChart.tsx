/**
 * A bar chart of the service report, drawn by Chart.js: stacked bars, upright or lying down,
 * each series in its colour and pattern and named in the legend, with an optional line marking
 * a limit (named on the chart, not told by its colour). Loaded on its own (React.lazy), so only
 * this page downloads the chart library, after the tables. The canvas is one image to a screen
 * reader, named by a summary; the table after it has the same figures.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartOptions, type Plugin } from "chart.js";
import { useEffect, useRef } from "react";
import { patternFill } from "./canvas-patterns";
import type { SeriesStyle } from "./chart-styles";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const text = "#212b32";
const limitColour = "#212b32";

export interface BarSeries {
  label: string;
  data: number[];
  style: SeriesStyle;
}

export interface ReportBarChartProps {
  /** One per bar; an array is a label over two lines. */
  labels: (string | string[])[];
  series: BarSeries[];
  /** Bars lying down, one a row: for lists of names (keyworkers, agencies). */
  horizontal?: boolean;
  /** What the bars count, for the value axis ("Children"). */
  valueTitle: string;
  /** The chart's accessible name: what it shows and what stands out. */
  summary: string;
  /** A line across the bars at this value, named on the chart. */
  limit?: { value: number; label: string };
  /** The legend in the opposite order to the series (the top of a stack first). */
  legendTopFirst?: boolean;
  testId: string;
}

/** A dashed line at the limit, with its name beside it. */
function limitLine(limit: { value: number; label: string }, horizontal: boolean): Plugin<"bar"> {
  return {
    id: "limitLine",
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      const scale = horizontal ? chart.scales.x : chart.scales.y;
      if (!scale) return;
      const at = scale.getPixelForValue(limit.value);
      ctx.save();
      ctx.strokeStyle = limitColour;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      if (horizontal) {
        ctx.moveTo(at, chartArea.top);
        ctx.lineTo(at, chartArea.bottom);
      } else {
        ctx.moveTo(chartArea.left, at);
        ctx.lineTo(chartArea.right, at);
      }
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = limitColour;
      ctx.font = "bold 14px Frutiger W01, Arial, sans-serif";
      ctx.textBaseline = "bottom";
      // Beside the line, inside the chart, on whichever side has room.
      const width = ctx.measureText(limit.label).width;
      if (horizontal) {
        ctx.textAlign = at + 6 + width > chartArea.right ? "right" : "left";
        ctx.fillText(limit.label, ctx.textAlign === "right" ? at - 6 : at + 6, chartArea.top + 16);
      } else {
        ctx.textAlign = "right";
        ctx.fillText(limit.label, chartArea.right - 4, at - 4);
      }
      ctx.restore();
    },
  };
}

export default function ReportBarChart({ labels, series, horizontal = false, valueTitle, summary, limit, legendTopFirst = false, testId }: ReportBarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // A new render with the same figures leaves the chart as it is.
  const figures = JSON.stringify({ labels, series, horizontal, valueTitle, limit, legendTopFirst });

  useEffect(() => {
    const drawn: Pick<ReportBarChartProps, "labels" | "series" | "horizontal" | "valueTitle" | "limit" | "legendTopFirst"> = JSON.parse(figures);
    if (!canvas.current) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const valueAxis = {
      stacked: true,
      beginAtZero: true,
      suggestedMax: drawn.limit ? drawn.limit.value + 1 : undefined,
      ticks: { precision: 0, color: text },
      title: { display: true, text: drawn.valueTitle, color: text },
    };
    const categoryAxis = { stacked: true, ticks: { color: text, autoSkip: false, maxRotation: 0 }, grid: { display: false } };
    const options: ChartOptions<"bar"> = {
      indexAxis: drawn.horizontal ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      animation: still ? false : { duration: 300 },
      interaction: { mode: "index", intersect: false },
      scales: drawn.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { position: "top", reverse: drawn.legendTopFirst ?? false, labels: { color: text, font: { size: 14 }, boxWidth: 28, boxHeight: 14 } },
        tooltip: { callbacks: { title: (items) => [items[0]?.label ?? ""].flat().join(" ") } },
      },
    };
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: drawn.labels,
        datasets: drawn.series.map((s) => ({
          label: s.label,
          data: s.data,
          backgroundColor: patternFill(s.style),
          borderColor: s.style.ink,
          borderWidth: 1,
          maxBarThickness: 48,
        })),
      },
      options,
      plugins: drawn.limit ? [limitLine(drawn.limit, drawn.horizontal ?? false)] : [],
    });
    return () => chart.destroy();
  }, [figures]);

  return <canvas ref={canvas} role="img" aria-label={summary} data-testid={testId} />;
}
