// Each test class starts its own app and Chromium; run side by side on a 2-core machine they starved each other
// past Playwright's 30 s timeouts (a flaky failure on a fresh clone). One class at a time is as fast in all.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
