using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>What a user typed for an agreement; bounded and checked by <see cref="AgreementRules.Check"/>.</summary>
public sealed record AgreementInput(int BlocId, int Year, string? Title, string? Content, DateOnly? SignedOn, string? Place);

/// <summary>Who reads agreements: the bloc secretariat (Admin, BlocSecretariat) reads and manages all; anyone else reads the signed agreements their agency signed.</summary>
public sealed record AgreementReader(bool Secretariat, int? AgencyId)
{
    public static async Task<AgreementReader> ForAsync(ClaimsPrincipal user, UnitScopeService scopes, CancellationToken ct)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        return new AgreementReader(Roles.SeesAllUnits(roles), await scopes.OwnAgencyIdAsync(user, ct));
    }

    public IQueryable<Agreement> Visible(AppDbContext db) => Secretariat
        ? db.Agreements
        : db.Agreements.Where(a => a.State == AgreementState.SignedOff && AgencyId != null && a.Signatories.Any(s => s.UnitId == AgencyId));
}

/// <summary>The rules of an agreement that need no database: bounds, what signing needs, what a signed agreement allows.</summary>
public static class AgreementRules
{
    public const int TitleMax = 300, ContentMax = 8000, PlaceMax = 200, NameMax = 200, ReasonMax = 1000;
    public const int FirstYear = 2000, LastYear = 2100;
    public const int MinSignatories = 2;

    public const string ConflictMessage = "Giao ước vừa được người khác thay đổi. Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.";

    public static List<string> Check(AgreementInput i)
    {
        var errors = new List<string>();
        if (i.Year is < FirstYear or > LastYear) errors.Add($"Năm giao ước phải từ {FirstYear} đến {LastYear}.");
        if (string.IsNullOrWhiteSpace(i.Title)) errors.Add("Tên giao ước: hãy nhập tên giao ước.");
        else if (i.Title.Trim().Length > TitleMax) errors.Add($"Tên giao ước tối đa {TitleMax} ký tự.");
        if ((i.Content?.Length ?? 0) > ContentMax) errors.Add($"Nội dung giao ước tối đa {VnFormat.Number(ContentMax)} ký tự.");
        if ((i.Place?.Trim().Length ?? 0) > PlaceMax) errors.Add($"Địa điểm ký tối đa {PlaceMax} ký tự.");
        if (i.SignedOn is { } d && i.Year is >= FirstYear and <= LastYear && (d.Year < i.Year - 1 || d.Year > i.Year))
            errors.Add($"Ngày ký ({VnFormat.Date(d)}) phải thuộc năm {i.Year} hoặc cuối năm {i.Year - 1}.");
        return errors;
    }

    /// <summary>Why the agreement cannot be signed yet; empty when it can.</summary>
    public static List<string> SignProblems(AgreementState state, bool hasCopy, int signatories, DateOnly? signedOn)
    {
        var p = new List<string>();
        if (state != AgreementState.Draft) p.Add("Giao ước đã ký; không ký lại.");
        if (!hasCopy) p.Add("Chưa đính kèm bản giao ước đã ký (PDF hoặc ảnh).");
        if (signatories < MinSignatories) p.Add($"Giao ước cần ít nhất {MinSignatories} cơ quan ký; hiện có {signatories}.");
        if (signedOn is null) p.Add("Chưa nhập ngày ký.");
        return p;
    }

    /// <summary>A signed agreement's content is corrected only with a reason; null when the change may go ahead.</summary>
    public static string? CorrectionProblem(AgreementState state, string? reason)
    {
        if (state == AgreementState.Draft) return null;
        if (string.IsNullOrWhiteSpace(reason)) return "Giao ước đã ký: hãy nhập lý do đính chính.";
        if (reason.Trim().Length > ReasonMax) return $"Lý do đính chính tối đa {ReasonMax} ký tự.";
        return null;
    }

    public static string AuditText(Agreement a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Title}; năm {a.Year}; ngày ký {(a.SignedOn is { } d ? VnFormat.Date(d) : "—")}; địa điểm {a.Place ?? "—"}; nội dung {a.Content.Length} ký tự; {Agreement.StateName(a.State)}");
}

/// <summary>
/// Creating, correcting, signing and deleting agreements: the only way rows change, used by the pages and the demo
/// year. Every change writes its audit entry in the same transaction. The caller has checked that the user is the
/// bloc secretariat.
/// </summary>
public sealed class AgreementService(AppDbContext db, DocumentFiles files)
{
    public const string EntityType = nameof(Agreement);

    public async Task<(int? Id, List<string> Errors)> CreateAsync(string user, AgreementInput input, CancellationToken ct = default)
    {
        var errors = AgreementRules.Check(input);
        var blocCode = await db.Blocs.Where(b => b.Id == input.BlocId).Select(b => b.Code).FirstOrDefaultAsync(ct);
        if (blocCode is null) errors.Add("Khối thi đua: hãy chọn một khối có trong danh sách.");
        if (errors.Count > 0) return (null, errors);
        var a = new Agreement { BlocId = input.BlocId, Title = "" };
        Apply(a, input);
        db.Agreements.Add(a);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.Audit(user, "Thêm giao ước thi đua", EntityType, a.Id, $"trước: — → sau: {AgreementRules.AuditText(a)}", code: blocCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (a.Id, []);
    }

    /// <summary>Edits a draft, or corrects a signed agreement with a reason (its year stays).</summary>
    public async Task<List<string>> EditAsync(string user, int id, int version, AgreementInput input, string? reason, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ["Không tìm thấy giao ước."];
        var errors = AgreementRules.Check(input with { BlocId = a.BlocId });
        if (AgreementRules.CorrectionProblem(a.State, reason) is { } p) errors.Add(p);
        if (a.State == AgreementState.SignedOff && input.Year != a.Year) errors.Add($"Giao ước đã ký: không đổi năm giao ước ({a.Year}).");
        if (a.State == AgreementState.SignedOff && input.SignedOn is null) errors.Add("Giao ước đã ký: ngày ký không được để trống.");
        if (errors.Count > 0) return errors;
        var before = AgreementRules.AuditText(a);
        var beforeContent = a.Content;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        Apply(a, input with { BlocId = a.BlocId });
        var details = $"trước: {before} → sau: {AgreementRules.AuditText(a)}";
        if (!string.Equals(beforeContent, a.Content, StringComparison.Ordinal)) details += $"; nội dung trước: \"{beforeContent}\" → sau: \"{a.Content}\"";
        if (a.State == AgreementState.SignedOff) details += $"; lý do: {reason!.Trim()}";
        db.Audit(user, a.State == AgreementState.SignedOff ? "Đính chính giao ước đã ký" : "Sửa giao ước thi đua", EntityType, a.Id, details, code: a.Bloc?.Code);
        return await SaveAsync(ct);
    }

    public async Task<List<string>> AddSignatoryAsync(string user, int id, int unitId, string? name, string? position, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Signatories).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ["Không tìm thấy giao ước."];
        var errors = new List<string>();
        if (a.State != AgreementState.Draft) errors.Add("Giao ước đã ký: không thay đổi danh sách cơ quan ký.");
        var member = await db.BlocMemberships.Where(m => m.BlocId == a.BlocId && m.UnitId == unitId && m.FromYear <= a.Year && (m.ToYear == null || m.ToYear >= a.Year))
            .Select(m => new { m.Unit!.Name, m.Unit.Code }).FirstOrDefaultAsync(ct);
        if (member is null) errors.Add($"Cơ quan ký: hãy chọn một cơ quan thành viên của khối trong năm {a.Year}.");
        else if (a.Signatories.Any(s => s.UnitId == unitId)) errors.Add($"Cơ quan ký: {member.Name} đã có trong danh sách.");
        if (string.IsNullOrWhiteSpace(name)) errors.Add("Người đại diện ký: hãy nhập họ tên.");
        else if (name.Trim().Length > AgreementRules.NameMax) errors.Add($"Người đại diện ký: tối đa {AgreementRules.NameMax} ký tự.");
        if ((position?.Trim().Length ?? 0) > AgreementRules.NameMax) errors.Add($"Chức vụ người đại diện: tối đa {AgreementRules.NameMax} ký tự.");
        if (errors.Count > 0) return errors;
        var s = new AgreementSignatory { UnitId = unitId, RepresentativeName = name!.Trim(), RepresentativePosition = Blank(position) };
        a.Signatories.Add(s);
        db.Entry(a).Property(x => x.Version).IsModified = true;
        db.Audit(user, "Thêm cơ quan ký giao ước", EntityType, a.Id,
            $"trước: — → sau: {member!.Name} ({member.Code}), đại diện {s.RepresentativeName}{(s.RepresentativePosition is null ? "" : ", " + s.RepresentativePosition)}", code: a.Bloc?.Code);
        return await SaveAsync(ct);
    }

    public async Task<List<string>> RemoveSignatoryAsync(string user, int id, int signatoryId, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Signatories).ThenInclude(s => s.Unit).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ["Không tìm thấy giao ước."];
        if (a.State != AgreementState.Draft) return ["Giao ước đã ký: không thay đổi danh sách cơ quan ký."];
        var s = a.Signatories.FirstOrDefault(x => x.Id == signatoryId);
        if (s is null) return ["Cơ quan ký này không có trong giao ước."];
        a.Signatories.Remove(s);
        db.AgreementSignatories.Remove(s);
        db.Entry(a).Property(x => x.Version).IsModified = true;
        db.Audit(user, "Bỏ cơ quan ký giao ước", EntityType, a.Id, $"trước: {s.Unit?.Name} ({s.Unit?.Code}), đại diện {s.RepresentativeName} → sau: —", code: a.Bloc?.Code);
        return await SaveAsync(ct);
    }

    /// <summary>Attaches (or replaces, while a draft) the signed copy, already checked and stored by <see cref="DocumentFiles"/>.</summary>
    public async Task<List<string>> AttachAsync(string user, int id, StoredDocument doc, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        List<string> errors = a is null ? ["Không tìm thấy giao ước."]
            : a.State != AgreementState.Draft ? ["Giao ước đã ký: bản đã ký không thay được."]
            : doc.Kind is not (DocumentKind.Pdf or DocumentKind.Png or DocumentKind.Jpeg) ? ["Bản giao ước đã ký phải là PDF hoặc ảnh (PNG, JPG)."] : [];
        if (errors.Count > 0)
        {
            files.Delete(doc.StoredName);
            return errors;
        }
        var old = a!.CopyStoredName;
        var before = a.HasCopy ? $"{a.CopyFileName} ({VnFormat.Number(a.CopyLength ?? 0)} byte)" : "—";
        a.CopyStoredName = doc.StoredName;
        a.CopyFileName = doc.FileName;
        a.CopyKind = doc.Kind;
        a.CopyLength = doc.Length;
        db.Entry(a).Property(x => x.Version).IsModified = true;
        db.Audit(user, "Đính kèm bản giao ước đã ký", EntityType, a.Id, $"trước: {before} → sau: {doc.FileName} ({VnFormat.Number(doc.Length)} byte, {DocumentFiles.Label(doc.Kind)})", code: a.Bloc?.Code);
        var result = await SaveAsync(ct);
        if (result.Count > 0) files.Delete(doc.StoredName);
        else files.Delete(old);
        return result;
    }

    public async Task<List<string>> SignAsync(string user, int id, int version, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Signatories).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ["Không tìm thấy giao ước."];
        var problems = AgreementRules.SignProblems(a.State, a.HasCopy, a.Signatories.Count, a.SignedOn);
        if (problems.Count > 0) return problems;
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        a.State = AgreementState.SignedOff;
        db.Audit(user, "Ký giao ước thi đua", EntityType, a.Id,
            $"trước: {Agreement.StateName(AgreementState.Draft)} → sau: {Agreement.StateName(AgreementState.SignedOff)}, {a.Signatories.Count} cơ quan ký, ngày {VnFormat.Date(a.SignedOn)}", code: a.Bloc?.Code);
        return await SaveAsync(ct);
    }

    public async Task<List<string>> DeleteDraftAsync(string user, int id, int version, CancellationToken ct = default)
    {
        var a = await db.Agreements.Include(x => x.Signatories).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return ["Không tìm thấy giao ước."];
        if (a.State != AgreementState.Draft) return ["Chỉ xóa được giao ước còn là dự thảo; giao ước đã ký được giữ lại."];
        db.Entry(a).Property(x => x.Version).OriginalValue = version;
        db.Agreements.Remove(a);
        db.Audit(user, "Xóa dự thảo giao ước", EntityType, a.Id, $"trước: {AgreementRules.AuditText(a)}, {a.Signatories.Count} cơ quan ký → sau: —", code: a.Bloc?.Code);
        var result = await SaveAsync(ct);
        if (result.Count == 0) files.Delete(a.CopyStoredName);
        return result;
    }

    private async Task<List<string>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [AgreementRules.ConflictMessage];
        }
    }

    private static void Apply(Agreement a, AgreementInput i)
    {
        a.Year = i.Year;
        a.Title = i.Title!.Trim();
        a.Content = (i.Content ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        a.SignedOn = i.SignedOn;
        a.Place = Blank(i.Place);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
