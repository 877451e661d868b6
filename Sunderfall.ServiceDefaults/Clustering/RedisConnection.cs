using StackExchange.Redis;

namespace Sunderfall.ServiceDefaults.Clustering;

/// <summary>Builds Redis connection settings and checks that Redis answers.</summary>
public static class RedisConnection
{
    /// <summary>Parses a configuration string with settings suited to cluster membership.</summary>
    public static ConfigurationOptions Parse(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 3000;
        options.SyncTimeout = 3000;
        return options;
    }

    /// <summary>The configuration string without its password, for messages and logs.</summary>
    public static string Describe(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).ToString(includePassword: false);
        }
        catch (ArgumentException)
        {
            return "(an invalid Redis configuration string)";
        }
    }

    /// <summary>Returns null if Redis answers a PING, else why not.</summary>
    public static async Task<string?> ProbeAsync(string configuration)
    {
        try
        {
            var options = Parse(configuration);
            options.AbortOnConnectFail = true;
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception ex) when (ex is RedisException or ArgumentException or TimeoutException)
        {
            return ex.Message.Split('\n')[0].Trim();
        }
    }
}
