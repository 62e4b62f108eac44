using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Features.Notifications;

namespace ThiDua.Tests.Notifications;

/// <summary>A tiny SMTP server on a loopback port: answers 220, EHLO/HELO, MAIL, RCPT, DATA, QUIT and keeps each message.</summary>
internal sealed class TinySmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    public List<string> Messages { get; } = [];
    public List<string> Recipients { get; } = [];
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public TinySmtpServer()
    {
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, new UTF8Encoding(false));
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 tiny.test ESMTP");
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 tiny.test");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    lock (Recipients) Recipients.Add(line);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                    var sb = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } data && data != ".") sb.Append(data).Append("\r\n");
                    lock (Messages) Messages.Add(sb.ToString());
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

public sealed partial class NotificationMailerTests : IAsyncLifetime, IDisposable
{
    private readonly TinySmtpServer _smtp = new();
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "thidua@thidua.test",
        // The background loop would also send; keep it slow so the test's own call does the work (either way once).
        ["Notifications:MailIntervalSeconds"] = "3600",
    });

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _smtp.Dispose();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();

    /// <summary>The Subject header's text: its encoded words (RFC 2047, B or Q) joined as bytes, then read as UTF-8.</summary>
    internal static string DecodeSubject(string message)
    {
        var header = Regex.Match(message, @"^Subject: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", RegexOptions.Multiline).Groups[1].Value;
        var words = EncodedWord().Matches(header);
        if (words.Count == 0) return header;
        var bytes = new List<byte>();
        foreach (Match m in words)
        {
            var text = m.Groups[2].Value;
            if (m.Groups[1].Value is "B" or "b") bytes.AddRange(Convert.FromBase64String(text));
            else
            {
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '=' && i + 2 < text.Length) { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
                    else bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
                }
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static string DecodeBody(string message)
    {
        var body = message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SendPending_UnsentRow_ReachesSmtpOnceWithVietnameseText()
    {
        var me = await _app.QueryAsync(db => db.Users.Where(u => u.Email == "tdkt.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        // The demo year's own notifications are taken as already sent: the test watches one row.
        await _app.QueryAsync(db => db.Notifications.ExecuteUpdateAsync(n => n.SetProperty(x => x.EmailedUtc, DateTime.UtcNow)));
        var id = await _app.QueryAsync(async db =>
        {
            Notify.Users(db, [me], NotificationKind.DossierReturned, "Hồ sơ đề nghị khen thưởng HS-2019-001 bị trả lại để bổ sung", "/Nominations/Details/1", DateTime.UtcNow);
            await db.SaveChangesAsync();
            return await db.Notifications.Where(n => n.UserId == me).MaxAsync(n => n.Id);
        });
        var mailer = _app.Services.GetRequiredService<NotificationMailer>();
        // Two sweeps at once, as two instances would: the atomic claim lets exactly one send.
        var sent = await Task.WhenAll(mailer.SendPendingAsync(CancellationToken.None), mailer.SendPendingAsync(CancellationToken.None));
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, await mailer.SendPendingAsync(CancellationToken.None));
        var message = Assert.Single(_smtp.Messages);
        Assert.Contains("tdkt.btctw@thidua.vn", Assert.Single(_smtp.Recipients), StringComparison.Ordinal);
        Assert.True(DecodeSubject(message).Contains("Hồ sơ đề nghị khen thưởng HS-2019-001 bị trả lại", StringComparison.Ordinal), message);
        var body = DecodeBody(message);
        Assert.Contains("bị trả lại để bổ sung", body, StringComparison.Ordinal);
        Assert.Contains("/Nominations/Details/1", body, StringComparison.Ordinal);
        Assert.NotNull(await _app.QueryAsync(db => db.Notifications.Where(n => n.Id == id).Select(n => n.EmailedUtc).SingleAsync()));
    }

    [Fact]
    public async Task SendPending_NoSmtpHost_DoesNothing()
    {
        using var app = await TestApp.StartAsync();
        var me = await app.QueryAsync(db => db.Users.Where(u => u.Email == "tdkt.btctw@thidua.vn").Select(u => u.Id).SingleAsync());
        var unsent = await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == me && n.EmailedUtc == null));
        await app.ExecuteAsync(async db =>
        {
            Notify.Users(db, [me], NotificationKind.Info, "Không gửi thư", null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        var mailer = app.Services.GetRequiredService<NotificationMailer>();
        Assert.False(mailer.Enabled);
        Assert.Equal(0, await mailer.SendPendingAsync(CancellationToken.None));
        Assert.Equal(unsent + 1, await app.QueryAsync(db => db.Notifications.CountAsync(n => n.UserId == me && n.EmailedUtc == null)));
    }
}
