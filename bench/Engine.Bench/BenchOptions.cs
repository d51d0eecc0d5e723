namespace Anju.Bench;

internal sealed record BenchOptions(string Store, string? Connection, int Count, int Memory, string[] Scenarios, int[] Threads, int Warmup)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var store = Value("--store", "sqlite");
        var connection = Value("--conn", Environment.GetEnvironmentVariable("ANJU_TEST_POSTGRES") ?? "");
        return new BenchOptions(
            store,
            connection.Length == 0 ? null : connection,
            int.Parse(Value("--count", "2000")),
            int.Parse(Value("--memory", "0")),
            Value("--scenarios", "a,b,c").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Value("--threads", "1,2").Split(',').Select(int.Parse).ToArray(),
            int.Parse(Value("--warmup", "300")));
    }
}
