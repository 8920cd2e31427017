package dev.uringlab.analysis.verdict;

/**
 * The verdict on one expectation with its evidence: the point estimate (ratio treatment/baseline
 * or mean), its interval, the test that decided, and in words why (or what would decide it).
 */
public record VerdictResult(Expectation expectation, Verdict verdict, String estimate, String interval,
                            String test, String detail, int baselineRuns, int treatmentRuns) {
}
