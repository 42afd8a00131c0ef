// The minute hand: "3 h ago" on screen moves on by itself, without asking the core again.
import { createSubscriber } from "svelte/reactivity";

const MINUTE = 60_000;

let now = new Date();

// One timer while anything on screen reads the time, none otherwise.
const subscribe = createSubscriber((update) => {
  now = new Date();
  const timer = setInterval(() => {
    now = new Date();
    update();
  }, MINUTE);
  return () => clearInterval(timer);
});

/** The time now, to the minute; reading it inside a component re-renders it every minute. */
export function minuteNow(): Date {
  subscribe();
  return now;
}
