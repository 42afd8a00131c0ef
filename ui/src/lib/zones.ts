// The IANA time zones the welcome screen offers, with the machine's own zone first in mind.

export function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every IANA zone the web view knows, sorted, always including `UTC` and `preferred`. */
export function zoneChoices(preferred: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, "UTC", preferred])].sort();
}
