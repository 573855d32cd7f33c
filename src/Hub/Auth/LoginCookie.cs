namespace SharingHub.Hub.Auth;

/// <summary>The cookie scheme that keeps a person signed in between the login page and /connect/authorize.</summary>
public static class LoginCookie
{
    public const string Scheme = "SharingHub.Login";
    public const string CookieName = "sharinghub.login";
    public const string LoginPath = "/account/login";
}
