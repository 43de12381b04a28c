/**
 * The open-and-completed chart, drawn by Chart.js. Loaded on its own (React.lazy), so only this
 * page downloads the chart library, and the lists above it do not wait for it. The canvas is an
 * image with a name that says what it shows; the table beside it has the same figures. The two
 * lines differ by pattern and point shape as well as colour.
 */
import type { OpenVsCompletedPoint } from "@roundtable/domain";
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from "chart.js";
import { useEffect, useRef } from "react";
import { overTimeSummary, shortDate } from "./over-time-words";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

/** NHS.UK blue and green: both over 4.5:1 on white. */
const stillToDoColour = "#005eb8";
const doneColour = "#007f3b";

export default function OpenVsCompletedChart({ points }: { points: readonly OpenVsCompletedPoint[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // A refresh with the same figures leaves the chart as it is.
  const figures = JSON.stringify(points);

  useEffect(() => {
    const drawn: OpenVsCompletedPoint[] = JSON.parse(figures);
    if (!canvas.current) return;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const chart = new Chart(canvas.current, {
      type: "line",
      data: {
        labels: drawn.map((p) => shortDate(p.weekEnding)),
        datasets: [
          {
            label: "Still to do",
            data: drawn.map((p) => p.open),
            borderColor: stillToDoColour,
            backgroundColor: stillToDoColour,
            pointStyle: "circle",
            pointRadius: 4,
            borderWidth: 3,
          },
          {
            label: "Done",
            data: drawn.map((p) => p.completed),
            borderColor: doneColour,
            backgroundColor: doneColour,
            borderDash: [8, 4],
            pointStyle: "triangle",
            pointRadius: 5,
            borderWidth: 3,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: still ? false : { duration: 300 },
        interaction: { mode: "index", intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0, color: "#212b32" }, title: { display: true, text: "Actions", color: "#212b32" } },
          x: { ticks: { color: "#212b32", autoSkip: true, maxRotation: 0 }, title: { display: true, text: "Week ending", color: "#212b32" } },
        },
        plugins: {
          legend: { position: "top", labels: { usePointStyle: true, boxHeight: 10, color: "#212b32", font: { size: 14 } } },
          tooltip: { callbacks: { title: (items) => `Week ending ${items[0]?.label ?? ""}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [figures]);

  return (
    <div className="rt-cetr-chart">
      <canvas ref={canvas} role="img" aria-label={overTimeSummary(points)} data-testid="cetr-actions-chart" />
    </div>
  );
}
