namespace ThiDua.Tests.Certificates;

/// <summary>Rows of the access table (<see cref="Accounts.AccessTests"/>) for this feature's pages: who, url, expected ("ok", "denied", "login").</summary>
/// <remarks>
/// The PDFs are keyed by verification code or decision id and answer 404 (not "denied") to a signed-in user who may
/// not read them, so as not to tell which codes exist; those checks, and the public page /xac-minh/{code}, are in
/// <see cref="CertificatePageTests"/>.
/// </remarks>
public static class CertificatesAccessCases
{
    public static readonly (string Who, string Url, string Expected)[] Cases =
    [
        ("anonymous", "/Certificates/ABCDEFGH2345.pdf", "login"),
        ("anonymous", "/Certificates/Decision/1.pdf", "login"),
    ];
}
