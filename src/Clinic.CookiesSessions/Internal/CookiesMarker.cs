namespace Clinic.CookiesSessions.Internal;

/// <summary>Registered once by <c>AddClinicCookies</c> so a second call adds nothing.</summary>
internal sealed class CookiesMarker;
