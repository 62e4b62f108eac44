using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Awards;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>The decision's documents: decision (or cover letter) .docx, list .docx/.xlsx, and the upward package .zip.</summary>
public sealed class FileModel(AppDbContext db, UnitScopeService scope, UploadStore uploads) : PageModel
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<IActionResult> OnGetAsync(int id, string kind, CancellationToken ct)
    {
        var (d, _) = await DecisionPages.LoadAsync(db, scope, User, id, ct);
        if (d is null) return NotFound();
        var doc = DecisionPages.Doc(d);
        var baseName = d.Kind == DecisionKind.Upward ? "to-trinh" : "quyet-dinh";
        switch (kind)
        {
            case "decision":
                return File(DecisionDocuments.Decision(doc), Docx, DecisionDocuments.FileName(baseName, d.Number, d.RegisterYear ?? d.Year, d.Id, "docx"));
            case "list":
                return File(DecisionDocuments.List(doc), Docx, DecisionDocuments.FileName("danh-sach-" + baseName, d.Number, d.RegisterYear ?? d.Year, d.Id, "docx"));
            case "xlsx":
            {
                var ms = new MemoryStream();
                DecisionDocuments.ListXlsx(ms, doc);
                ms.Position = 0;
                return File(ms, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DecisionDocuments.FileName("danh-sach-" + baseName, d.Number, d.RegisterYear ?? d.Year, d.Id, "xlsx"));
            }
            case "zip" when d.Kind == DecisionKind.Upward:
            {
                var ids = d.Recipients.Where(r => r.NominationId != null).Select(r => r.NominationId!.Value).ToList();
                var files = await db.DossierDocuments.AsNoTracking().Where(x => ids.Contains(x.NominationId)).OrderBy(x => x.NominationId).ThenBy(x => x.Id).ToListAsync(ct);
                var names = d.Recipients.Where(r => r.NominationId != null).ToDictionary(r => r.NominationId!.Value, r => r.DisplayName);
                var ms = new MemoryStream();
                DecisionDocuments.Package(ms, doc, files.Select(f => new PackageFile(f.NominationId, names[f.NominationId], d.Code, f.FileName, f.Kind.ToString(), () => uploads.OpenRead(f.StoredName))).ToList()
                    .Concat(ids.Where(i => files.All(f => f.NominationId != i)).Select(i => new PackageFile(i, names[i], d.Code, "", "", () => null))).ToList());
                ms.Position = 0;
                return File(ms, "application/zip", DecisionDocuments.FileName("ho-so-trinh", d.Number, d.RegisterYear ?? d.Year, d.Id, "zip"));
            }
            default:
                return NotFound();
        }
    }
}
