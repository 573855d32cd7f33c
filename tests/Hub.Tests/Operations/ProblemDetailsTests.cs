using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Tests.Auth;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Operations;

public sealed class ProblemDetailsTests(StandardHub hub) : IClassFixture<StandardHub>
{
    [Fact]
    public async Task UnknownPath_404WithCode()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await http.GetAsync(new Uri("/no/such/thing", UriKind.Relative));
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.NotFound, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task WrongMethod_405WithCode()
    {
        using var http = hub.Factory.CreateApiClient();
        using var response = await http.DeleteAsync(new Uri("/health/live", UriKind.Relative));
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, ErrorCodes.MethodNotAllowed);
    }

    [Fact]
    public async Task WrongContentType_415WithCode()
    {
        using var http = await AuthorisedAsync();
        using var content = new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri("/api/v1/probe/echo", UriKind.Relative), content);
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task MalformedJson_400WithCode()
    {
        using var http = await AuthorisedAsync();
        using var content = new StringContent("{\"text\":", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/v1/probe/echo", UriKind.Relative), content);
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, ErrorCodes.BadRequest);
    }

    [Fact]
    public async Task BodyWithinLimit_Accepted()
    {
        using var http = await AuthorisedAsync();
        using var content = new StringContent("{\"text\":\"" + new string('x', 900) + "\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/v1/probe/echo", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DeclaredLengthOverEndpointLimit_413WithCode()
    {
        using var http = await AuthorisedAsync();
        using var content = new StringContent("{\"text\":\"" + new string('x', 2000) + "\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/api/v1/probe/echo", UriKind.Relative), content);
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task ChunkedBodyOverEndpointLimit_413WithCode()
    {
        using var http = await AuthorisedAsync();
        using var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 5000) + "\"}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("/api/v1/probe/echo", UriKind.Relative), content);
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task UnhandledException_500WithCodeAndNoDetail()
    {
        using var http = await AuthorisedAsync();
        using var response = await http.GetAsync(new Uri("/api/v1/probe/throw", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        await AuthorizationTests.AssertProblemAsync(response, HttpStatusCode.InternalServerError, ErrorCodes.Unexpected);
        Assert.DoesNotContain(ProbeEndpoints.SecretInException, body, StringComparison.Ordinal);
        Assert.DoesNotContain("detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraceParent_Incoming_ContinuedAndReportedInProblem()
    {
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var http = hub.Factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/no/such/thing", UriKind.Relative));
        request.Headers.Add("traceparent", "00-" + TraceId + "-00f067aa0ba902b7-01");
        using var response = await http.SendAsync(request);
        var problem = await Tokens.ReadJsonAsync(response);
        Assert.Equal(TraceId, problem.GetProperty("traceId").GetString());
    }

    private async Task<HttpClient> AuthorisedAsync()
    {
        var http = hub.Factory.CreateApiClient();
        var token = await Tokens.GetAsync(http, "gemeente-system", TestAccounts.Secret, "signals");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A body without Content-Length (sent chunked), so only the streaming limit can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
