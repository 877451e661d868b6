using Xunit;

// Every test here drives the same containers on 2 cores: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
