namespace ThiDua.Tests;

/// <summary>A test class over its own copy of the demo database, optionally signed in as one demo account.</summary>
public abstract class AppTest(string? signInAs = null) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Client = signInAs is null ? App.Browser() : await App.SignInAsync(signInAs);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
