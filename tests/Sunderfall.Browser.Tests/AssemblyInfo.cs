using Xunit;

// Real silos, frontends and Chromium on the machine's two cores: one test at a time keeps waits honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
