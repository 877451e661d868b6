using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sunderfall.Protocol.Auth;

namespace Sunderfall.Client
{
    /// <summary>The frontend's account endpoints (/api/auth) over HTTP with JSON; every refusal becomes a
    /// <see cref="SunderfallAuthException"/>.</summary>
    internal sealed class AuthApi : IDisposable
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        private readonly HttpClient http;

        public AuthApi(Uri baseUrl, SunderfallClientOptions options)
        {
            HttpMessageHandler handler = new HttpClientHandler();
            if (options.HttpMessageHandlerFactory is { } wrap)
            {
                handler = wrap(handler);
            }

            http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl, Timeout = options.HttpTimeout };
        }

        /// <summary>POSTs a body to an endpoint answering <see cref="AuthResponse"/>; returns it with the server's clock
        /// reading (the Date header), so expiry can be judged without trusting the local clock.</summary>
        public async Task<(AuthResponse Tokens, DateTimeOffset? ServerTime)> PostForTokensAsync(string path, object body, CancellationToken cancellationToken)
        {
            using HttpResponseMessage response = await SendAsync(path, body, bearer: null, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            AuthResponse? tokens = Deserialize<AuthResponse>(text);
            if (tokens is null || tokens.AccessToken.Length == 0 || tokens.RefreshToken.Length == 0)
            {
                throw new SunderfallAuthException("InvalidResponse", $"{path} answered {(int)response.StatusCode} without tokens", (int)response.StatusCode);
            }

            return (tokens, response.Headers.Date);
        }

        /// <summary>POSTs to an endpoint that answers no body (e.g. logout), with the access token.</summary>
        public async Task PostAsync(string path, string bearer, CancellationToken cancellationToken)
        {
            using HttpResponseMessage response = await SendAsync(path, body: null, bearer, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose() => http.Dispose();

        private async Task<HttpResponseMessage> SendAsync(string path, object? body, string? bearer, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8, "application/json");
            }

            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                ApiError? error = Deserialize<ApiError>(text);
                int status = (int)response.StatusCode;
                TimeSpan? retryAfter = response.Headers.RetryAfter?.Delta;
                if (error is null || error.Code.Length == 0)
                {
                    throw new SunderfallAuthException(
                        response.StatusCode == HttpStatusCode.Unauthorized ? "Unauthorized" : "Http" + status.ToString(CultureInfo.InvariantCulture),
                        $"{path} answered {status} {response.ReasonPhrase}",
                        status,
                        retryAfter);
                }

                throw new SunderfallAuthException(error.Code, error.Message, status, retryAfter);
            }
        }

        private static T? Deserialize<T>(string text) where T : class
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<T>(text, Json);
            }
            catch (JsonException)
            {
                // Not our JSON (e.g. a proxy's error page): the caller reports the status instead.
                return null;
            }
        }
    }
}
