namespace Clinic.CookiesSessions.Internal;

/// <summary>Registered once by <c>AddClinicSessions</c> so a second call adds nothing.</summary>
internal sealed class SessionsMarker;
