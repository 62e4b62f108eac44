namespace ThiDua.Infrastructure;

/// <summary>
/// Security headers on every response (pages, redirects, static files, error pages), and no caching of anything a
/// signed-in user receives: pages with personal data and exports must not stay in a shared computer's cache.
/// </summary>
public static class SecurityHeaders
{
    // No scripts are needed (every form works without JavaScript); inline styles only for tree indentation.
    public const string ContentSecurityPolicy = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>Goes first in the pipeline. The headers are written when the response starts, so an exception
    /// handler that clears the response, or antiforgery's own X-Frame-Options, cannot leave them out.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = PermissionsPolicy;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            // Static files are served before authentication runs, so they stay cacheable.
            if (ctx.User.Identity?.IsAuthenticated == true || h.ContentDisposition.Count > 0)
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(ctx);
    });

    /// <summary>
    /// A return address that stays on this site: a path starting with one "/" (not "//" or "/\", which browsers
    /// read as another host), without control characters, of reasonable length. Anything else: the home page.
    /// </summary>
    public static string SafeLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || url[0] != '/') return "/";
        if (url.Length > 1 && url[1] is '/' or '\\') return "/";
        if (url.Any(c => char.IsControl(c) || c == '\\')) return "/";
        return url;
    }
}
