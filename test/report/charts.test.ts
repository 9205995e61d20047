import { scaleLinear } from "d3-scale";
import { describe, expect, it } from "vitest";
import { funnelChart, kpiChart } from "../../src/report/charts.js";
import { escapeSvg } from "../../src/util/svg-text.js";

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("the KPI chart", () => {
  const input = {
    title: "Yeni iş cirosu <&>",
    months: ["Tem", "Ağu", "Eyl", "Eki"],
    actual: [183000, null, 318000, 216000],
    target: [300000, 300000, 300000, 300000],
    good: [false, null, true, false],
    format: (n: number) => `₺${n.toLocaleString("tr")}`,
    legend: { actual: "Gerçekleşen", target: "Hedef" },
  };

  it("labels the y axis with the scale's own ticks, as the figures are written", () => {
    const chart = kpiChart(input);
    // The domain runs from 0 to the largest figure, made nice: what d3 gives for it.
    const ticks = scaleLinear().domain([0, 318000]).nice(4).ticks(4);
    for (const t of ticks) expect(texts(chart.svg)).toContain(escapeSvg(input.format(t)));
    expect(texts(chart.svg)).toEqual(expect.arrayContaining(["Tem", "Ağu", "Eyl", "Eki", "Gerçekleşen", "Hedef"]));
  });

  it("draws a bar per measured month, coloured by whether it reached the target, and the target as a line", () => {
    const chart = kpiChart(input);
    const bars = [...chart.svg.matchAll(/<rect [^>]*height="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g)].filter((m) => Number(m[1]) > 8);
    expect(bars.map((m) => m[2])).toEqual(["#c0392b", "#2f7d4f", "#c0392b"]);
    // The target a step across each month, here the same every month: one straight line.
    const path = /<path d="([^"]+)"/.exec(chart.svg)![1]!;
    const points = path
      .slice(1)
      .split("L")
      .map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(8);
    expect(new Set(points.map((p) => p[1])).size).toBe(1);
  });

  it("draws the target of a single month as a line across it, not a point", () => {
    const one = kpiChart({ ...input, months: ["Tem"], actual: [183000], target: [300000], good: [false] });
    const points = /<path d="M([^"]+)"/
      .exec(one.svg)![1]!
      .split("L")
      .map((p) => p.split(",").map(Number));
    expect(points).toHaveLength(2);
    expect(points[1]![0]! - points[0]![0]!).toBeGreaterThan(100);
  });

  it("draws a title too long for its width narrower, not into the chart beside it", () => {
    expect(kpiChart(input).svg).not.toContain("textLength");
    const long = kpiChart({ ...input, title: "Zeit bis zum ersten Kontaktversuch nach Übergabe an den Vertrieb" });
    expect(long.svg).toMatch(/<text x="2" y="14" [^>]*textLength="228" lengthAdjust="spacingAndGlyphs">Zeit bis/);
  });

  it("escapes the agreement's text", () => {
    const chart = kpiChart(input);
    expect(chart.svg).toContain("Yeni iş cirosu &#60;&#38;&#62;");
    expect(chart.svg).not.toContain("<&>");
  });
});

describe("the funnel chart", () => {
  it("sets each measured rate beside the planned one, a shortfall in red", () => {
    const chart = funnelChart({
      title: "転換率：計画と実測",
      rates: [
        { label: "受注率", planned: 0.3, measured: 0.282 },
        { label: "リード → MQL の転換率", planned: 0.3, measured: 0.314 },
        { label: "訪問 → リードの転換率", planned: 0.015, measured: null },
      ],
      format: (f) => `${Math.round(f * 100)}%`,
      legend: { planned: "計画", measured: "実測" },
    });
    expect(chart.height).toBe(30 + 40 + 3 * 30);
    // The names of the rates fit in the room to the left of the bars.
    const long = funnelChart({
      title: "Konversionsquoten: geplant gegen gemessen",
      rates: [{ label: "Konversionsrate Besuch → Lead des Quartals", planned: 0.02, measured: 0.01 }],
      format: (f) => `${f * 100} %`,
      legend: { planned: "Geplant laut Vereinbarung", measured: "Gemessen" },
    });
    const left = Number(/<rect x="(\d+)"/.exec(long.svg)![1]);
    expect(left).toBeGreaterThanOrEqual(Math.ceil(42 * 9 * 0.56));
    // The second legend entry starts after the first one's words.
    const legend = [...long.svg.matchAll(/<text x="([\d.]+)"[^>]*>(Geplant laut Vereinbarung|Gemessen)</g)].map((m) => Number(m[1]));
    expect(legend[1]! - legend[0]!).toBeGreaterThan(25 * 8 * 0.56);
    expect(texts(chart.svg)).toEqual(expect.arrayContaining(["0%", "5%", "10%", "15%", "20%", "25%", "30%", "35%", "受注率"]));
    // The legend's swatches are 8 high; the bars are half a band.
    const fills = [...chart.svg.matchAll(/<rect x="150" [^>]*height="([\d.]+)" fill="(#[0-9a-f]+)"/g)].filter((m) => Number(m[1]) > 8).map((m) => m[2]);
    expect(fills).toEqual(["#9db4d9", "#c0392b", "#9db4d9", "#1f3b73", "#9db4d9"]);
  });
});
