using Sunderfall.LoadTest.Reports;

namespace Sunderfall.LoadTest.Runs;

/// <summary>A finished run: its report, the files it was written to, and its one-line JSON summary.</summary>
public sealed record LoadRunResult(RunReport Report, string JsonPath, string HtmlPath, string SummaryLine);
