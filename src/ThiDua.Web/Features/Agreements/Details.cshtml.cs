using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>
/// One agreement: its content, signatories and signed copy. The bloc secretariat adds and removes signatories of a
/// draft and signs it here; a member agency reads the signed agreements it signed.
/// </summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, AgreementService service) : PageModel
{
    public sealed record SignatoryRow(int Id, int UnitId, string Unit, string Code, string Name, string? Position);
    public sealed record MemberOption(int UnitId, string Name);

    public Agreement Agreement { get; private set; } = null!;
    public string Bloc { get; private set; } = "";
    public List<SignatoryRow> Signatories { get; private set; } = [];
    public List<MemberOption> Members { get; private set; } = [];
    public bool Secretariat { get; private set; }
    public List<string> Problems { get; } = [];
    public List<string> SignProblems { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var reader = await AgreementReader.ForAsync(User, scopes, ct);
        var a = await reader.Visible(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            // Exists but belongs to agencies the reader's is not among: refused, as elsewhere in the app.
            return await db.Agreements.AnyAsync(x => x.Id == id, ct) ? Forbid() : NotFound();
        }
        Agreement = a;
        Secretariat = reader.Secretariat;
        Bloc = await db.Blocs.Where(b => b.Id == a.BlocId).Select(b => b.Name).FirstAsync(ct);
        Signatories = await db.AgreementSignatories.AsNoTracking().Where(s => s.AgreementId == id).OrderBy(s => s.Id)
            .Select(s => new SignatoryRow(s.Id, s.UnitId, s.Unit!.Name, s.Unit.Code, s.RepresentativeName, s.RepresentativePosition)).ToListAsync(ct);
        if (Secretariat && a.State == AgreementState.Draft)
        {
            var taken = Signatories.Select(s => s.UnitId).ToHashSet();
            Members = (await db.BlocMemberships.AsNoTracking().Where(m => m.BlocId == a.BlocId && m.FromYear <= a.Year && (m.ToYear == null || m.ToYear >= a.Year))
                .Select(m => new MemberOption(m.UnitId, m.Unit!.Name)).ToListAsync(ct)).Where(m => !taken.Contains(m.UnitId)).ToList();
            SignProblems = AgreementRules.SignProblems(a.State, a.HasCopy, Signatories.Count, a.SignedOn);
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostSignatoryAsync(int id, string? unitId, string? name, string? position, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Secretariat) return Forbid();
        var unit = int.TryParse(unitId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var u) ? u : 0;
        return await DoneAsync(id, await service.AddSignatoryAsync(User.UserName(), id, unit, name, position, ct), "Đã thêm cơ quan ký.", ct);
    }

    public async Task<IActionResult> OnPostRemoveSignatoryAsync(int id, int signatoryId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Secretariat) return Forbid();
        return await DoneAsync(id, await service.RemoveSignatoryAsync(User.UserName(), id, signatoryId, ct), "Đã bỏ cơ quan ký.", ct);
    }

    public async Task<IActionResult> OnPostSignAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Secretariat) return Forbid();
        return await DoneAsync(id, await service.SignAsync(User.UserName(), id, version, ct), "Đã ghi nhận giao ước đã ký; nội dung được khóa.", ct);
    }

    private async Task<IActionResult> DoneAsync(int id, List<string> errors, string message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            TempData["Message"] = message;
            return RedirectToPage("Details", new { id });
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
        Problems.AddRange(errors);
        return Page();
    }
}
