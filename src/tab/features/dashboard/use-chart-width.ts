// The width a chart has on the page, in CSS pixels, so its SVG is drawn at that size (one unit one pixel)
// and its 12 px text stays 12 px at a 360 px phone width, instead of a wide drawing shrunk to fit.
import { useLayoutEffect, useRef, useState } from "react";

/** A ref for the chart's box and its width (`fallback` until measured, never outside min–max). */
export function useChartWidth<T extends HTMLElement>(fallback: number, min: number, max: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const measure = () => {
      const measured = Math.round(box.getBoundingClientRect().width);
      if (measured > 0) setWidth(Math.min(max, Math.max(min, measured)));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => {
      observer.disconnect();
    };
  }, [min, max]);
  return { ref, width };
}
