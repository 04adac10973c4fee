#pragma once

// Where the running Tapedeck window answers on the session bus. The bus name is the desktop
// id (the desktop file says DBusActivatable=true), and the object path is that name with dots
// turned into slashes, as the freedesktop "D-Bus activation" convention asks. Any thread.
namespace tapedeck::instance {

inline constexpr char kServiceName[] = "io.github.tapedeck.Tapedeck";
inline constexpr char kObjectPath[] = "/io/github/tapedeck/Tapedeck";
// The standard interface desktops call to launch, open files in, and act on an application.
inline constexpr char kApplicationInterface[] = "org.freedesktop.Application";
// Tapedeck's own, read-only: what the window is doing, so `tapedeck --toggle-record` can say
// what it did and a launcher or script can ask what is open.
inline constexpr char kWindowInterface[] = "io.github.tapedeck.Tapedeck.Window";
// The error a request that could not be carried out answers with (its message says why).
inline constexpr char kFailedError[] = "io.github.tapedeck.Tapedeck.Error.Failed";
// The action that starts a take, or stops the one in progress (ActivateAction's name).
inline constexpr char kToggleRecordAction[] = "toggle-record";

} // namespace tapedeck::instance
