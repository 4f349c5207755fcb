// How many client-side navigations happened. Pages move focus to their heading only after a real
// navigation, not on the first load (as a full page load would leave focus at the top). The app's
// router counts them; the rater page has no router, so its count stays 0. Kept here, free of any
// router import, so the rater bundle does not pull the router in through ui/components.tsx.
let navigations = 0;

export const navigationCount = (): number => navigations;

export function countNavigation(): void {
  navigations += 1;
}
