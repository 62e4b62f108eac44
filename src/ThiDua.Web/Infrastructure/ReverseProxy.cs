using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ThiDua.Infrastructure;

/// <summary>
/// Running behind a reverse proxy (deploy/nginx/thidua.conf) with several instances: the client's address, scheme and
/// host come from the X-Forwarded-* headers, but only when the request comes from a proxy named in the configuration,
/// so nobody else can claim another address (the sign-in throttle counts by address) or https. HSTS on https
/// answers; and which instance answered, for operators and the two-instance test.
/// </summary>
public static class ReverseProxy
{
    public const string InstanceHeader = "X-ThiDua-Instance";
    /// <summary>How long browsers keep to https once told (Strict-Transport-Security max-age).</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    /// <summary>
    /// Forwarded headers from <c>Proxy:KnownProxies</c> (addresses; default the loopback 127.0.0.1 and ::1) and
    /// <c>Proxy:KnownNetworks</c> (CIDR ranges, e.g. 10.0.0.0/24; default none): X-Forwarded-For, -Proto and -Host,
    /// one proxy deep. X-Forwarded-Host is held to <c>AllowedHosts</c> as the Host header is. Either setting is a
    /// list (Proxy:KnownProxies:0, :1 …) or one text with the entries separated by commas or semicolons.
    /// Read when the options are first used, so settings added by a host after Program.cs ran still count.
    /// </summary>
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = 1;
            // The defaults (the loopback) are replaced, not added to: only what the configuration names is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is still consulted; it must not keep its loopback default either
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            var proxies = List(config, "Proxy:KnownProxies");
            foreach (var p in proxies.Count > 0 ? proxies : ["127.0.0.1", "::1"])
            {
                o.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{p}' is not an IP address."));
            }
            foreach (var n in List(config, "Proxy:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var network) ? network
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{n}' is not a network (address/prefix length, e.g. 10.0.0.0/24)."));
            }
            o.AllowedHosts.Clear();
            var hosts = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!hosts.Contains("*")) foreach (var h in hosts) o.AllowedHosts.Add(h);
        });
        services.AddHsts(o =>
        {
            o.MaxAge = HstsMaxAge;
            o.IncludeSubDomains = false;
            o.Preload = false;
        });
        return services;
    }

    private static List<string> List(IConfiguration config, string key)
    {
        // A section with children may still have a value (an empty one, from some hosts' settings): both are read.
        var section = config.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Prepend(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    /// <summary>
    /// Names the instance on every response (header <see cref="InstanceHeader"/>) when <c>Instance:Name</c> is set;
    /// nothing otherwise. Written when the response starts, so error pages carry it too.
    /// </summary>
    public static IApplicationBuilder UseInstanceHeader(this IApplicationBuilder app, IConfiguration config)
    {
        var name = config["Instance:Name"]?.Trim();
        if (string.IsNullOrEmpty(name)) return app;
        if (!name.All(c => c is > ' ' and < (char)127))
            throw new InvalidOperationException($"Instance:Name '{name}' must be printable ASCII without spaces (it is sent as a header).");
        return app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                ctx.Response.Headers[InstanceHeader] = name;
                return Task.CompletedTask;
            });
            return next(ctx);
        });
    }
}
