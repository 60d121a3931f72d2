using System;
using System.Runtime.InteropServices;
using System.Security;

namespace NumeraiAws.Engine
{
    /// <summary>
    /// Moves secrets between SecureString and the plain strings an AWS API needs, at the last moment only.
    /// </summary>
    public static class SecureText
    {
        public static string Reveal(SecureString value)
        {
            if (value == null) return null;
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(pointer);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static SecureString Protect(string value)
        {
            if (value == null) return null;
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
