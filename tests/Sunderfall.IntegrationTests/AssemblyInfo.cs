using Xunit;

// Each collection starts real processes on the machine's two cores; running them one at a time keeps waits honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
