using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>
/// The ballot page. Open without signing in: the one-time token is the credential, so the ballot is linked to no
/// account (docs/decisions/0014-secret-ballot.md). Wrong tokens count as failed sign-ins of the client address
/// (<see cref="SignInGuard"/>), so guessing is throttled like password guessing; the token travels only in POST bodies.
/// </summary>
public sealed class CastModel(VoteService votes, SignInGuard guard) : PageModel
{
    public const int MaxChoices = 200;

    [BindProperty] public string? Token { get; set; }
    [BindProperty] public List<int> Choices { get; set; } = [];
    public BallotForm? Ballot { get; private set; }
    public string? Problem { get; private set; }
    public bool Done { get; private set; }

    public static string OutcomeText(CastOutcome o) => o switch
    {
        CastOutcome.UnknownToken => "Mã phiếu không đúng. Hãy kiểm tra lại mã in trên phiếu (12 ký tự, không phân biệt chữ hoa, chữ thường).",
        CastOutcome.NotOpen => "Phiên bỏ phiếu của mã này không đang mở (chưa mở hoặc đã kết thúc).",
        CastOutcome.AlreadyUsed => "Mã phiếu này đã được dùng. Mỗi mã chỉ bỏ phiếu được một lần.",
        _ => "",
    };

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    private async Task<bool> BlockedAsync(string address, CancellationToken ct)
    {
        if (await guard.BlockedUntilAsync(address, ct) is { } until)
        {
            Problem = $"Địa chỉ này đã nhập sai quá nhiều lần. Hãy thử lại sau {VnFormat.DateTime(until)}.";
            return true;
        }
        return false;
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var address = SignInGuard.AddressKey(HttpContext.Connection.RemoteIpAddress);
        if (await BlockedAsync(address, ct)) return Page();
        var (outcome, form) = await votes.BallotAsync(Token, ct);
        if (outcome != CastOutcome.Cast)
        {
            if (outcome == CastOutcome.UnknownToken) await guard.CountFailureAsync(address, ct);
            Problem = OutcomeText(outcome);
            Token = null;
            return Page();
        }
        Ballot = form;
        return Page();
    }

    public async Task<IActionResult> OnPostCastAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var address = SignInGuard.AddressKey(HttpContext.Connection.RemoteIpAddress);
        if (await BlockedAsync(address, ct)) return Page();
        if (Choices.Count > MaxChoices)
        {
            Problem = $"Phiếu chọn quá nhiều đơn vị (tối đa {MaxChoices}).";
            Choices = [];
            Ballot = (await votes.BallotAsync(Token, ct)).Form;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Problem = "Lựa chọn trên phiếu không hợp lệ; hãy đánh dấu lại.";
            Choices = [];
            Ballot = (await votes.BallotAsync(Token, ct)).Form;
            return Page();
        }
        try
        {
            var outcome = await votes.CastAsync(Token, Choices, ct);
            if (outcome != CastOutcome.Cast)
            {
                if (outcome == CastOutcome.UnknownToken) await guard.CountFailureAsync(address, ct);
                Problem = OutcomeText(outcome);
                Token = null;
                return Page();
            }
        }
        catch (VoteException e)
        {
            Problem = e.Message;
            Ballot = (await votes.BallotAsync(Token, ct)).Form;
            return Page();
        }
        Done = true;
        Token = null;
        Choices = [];
        return Page();
    }
}
