using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;

namespace ThiDua.Features.Notifications;

/// <summary>
/// E-mails the notifications when SMTP is configured (Smtp:Host, Smtp:Port, Smtp:From, optional Smtp:User /
/// Smtp:Password, Smtp:EnableSsl). Each row is claimed atomically (UPDATE … WHERE EmailedUtc IS NULL, one row
/// affected) before it is sent, so several app instances never send one twice. With Smtp:Host empty it does nothing.
/// Rows older than Notifications:MailMaxAgeDays (default 7) are not mailed (no flood when SMTP is switched on).
/// </summary>
public sealed class NotificationMailer(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<NotificationMailer> log) : BackgroundService
{
    public const int Batch = 50;

    public bool Enabled => !string.IsNullOrWhiteSpace(config["Smtp:Host"]);

    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Notifications:MailIntervalSeconds", 60), 5, 3600));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        // Each sweep waits one interval first: an instance starting up has other work, and tests drive the sweep themselves.
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Sending notification e-mails failed; retrying later.");
            }
        }
    }

    /// <summary>Sends the unsent notifications of accounts with an e-mail address; returns how many were sent by this instance.</summary>
    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (!Enabled) return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(config.GetValue("Notifications:MailMaxAgeDays", 7), 1, 365));
        var pending = await db.Notifications.AsNoTracking()
            .Where(n => n.EmailedUtc == null && n.CreatedUtc >= since)
            .Join(db.Users.Where(u => u.Email != null && u.Email != ""), n => n.UserId, u => u.Id, (n, u) => new { n.Id, n.Text, n.Url, u.Email, u.FullName })
            .OrderBy(x => x.Id).Take(Batch).ToListAsync(ct);
        if (pending.Count == 0) return 0;
        using var smtp = CreateClient();
        var from = new MailAddress(config["Smtp:From"] is { Length: > 0 } f ? f : "thidua@localhost", "ThiDua", Encoding.UTF8);
        var baseUrl = config["Notifications:BaseUrl"]?.TrimEnd('/');
        var sent = 0;
        foreach (var p in pending)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // The claim: exactly one instance turns EmailedUtc from null to a time.
            var claimed = await db.Notifications.Where(n => n.Id == p.Id && n.EmailedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedUtc, now), ct);
            if (claimed != 1) continue;
            try
            {
                using var message = Compose(from, p.Email!, p.FullName, p.Text, p.Url, baseUrl);
                await smtp.SendMailAsync(message, ct);
                sent++;
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException)
            {
                // Give the row back for a later try; a failed send is not a sent one.
                await db.Notifications.Where(n => n.Id == p.Id && n.EmailedUtc == now).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedUtc, (DateTime?)null), CancellationToken.None);
                log.LogWarning(e, "E-mail of notification {Id} failed.", p.Id);
                if (e is SmtpException) break;
            }
        }
        return sent;
    }

    private SmtpClient CreateClient()
    {
        var client = new SmtpClient(config["Smtp:Host"], Math.Clamp(config.GetValue("Smtp:Port", 25), 1, 65535))
        {
            EnableSsl = config.GetValue("Smtp:EnableSsl", false),
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = 30_000,
        };
        if (config["Smtp:User"] is { Length: > 0 } user) client.Credentials = new NetworkCredential(user, config["Smtp:Password"]);
        return client;
    }

    internal static MailMessage Compose(MailAddress from, string to, string? name, string text, string? url, string? baseUrl)
    {
        var subject = "[ThiDua] " + (text.Length > 90 ? text[..89] + "…" : text);
        var body = new StringBuilder();
        body.Append("Kính gửi ").Append(string.IsNullOrWhiteSpace(name) ? to : name).Append(",\r\n\r\n").Append(text).Append("\r\n");
        if (Notify.IsLocalUrl(url)) body.Append("\r\nXem: ").Append(baseUrl).Append(url).Append("\r\n");
        body.Append("\r\n-- \r\nThư tự động của hệ thống ThiDua; xem mọi thông báo tại mục Thông báo.\r\n");
        var m = new MailMessage(from, new MailAddress(to))
        {
            Subject = subject.ReplaceLineEndings(" "),
            SubjectEncoding = Encoding.UTF8,
            Body = body.ToString(),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
            HeadersEncoding = Encoding.UTF8,
        };
        return m;
    }
}
